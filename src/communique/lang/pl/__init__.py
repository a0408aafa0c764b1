"""(`pl`): its data is `data.yaml`."""
