"""(`it`): its data is `data.yaml`."""
