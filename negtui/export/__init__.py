"""Documents made from the data: the deal dossier and calendar files."""
