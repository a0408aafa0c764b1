"""(`fa`): its data is `data.yaml`."""
