"""(`hi`): its data is `data.yaml`."""
