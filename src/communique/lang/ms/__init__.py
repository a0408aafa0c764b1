"""(`ms`): its data is `data.yaml`."""
