"""(`nl`): its data is `data.yaml`."""
