"""(`he`): its data is `data.yaml`."""
