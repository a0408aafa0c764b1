"""(`ar`): its data is `data.yaml`."""
