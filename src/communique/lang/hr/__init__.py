"""Croatian (`hr`): its data is `data.yaml` and the other files of this folder."""
