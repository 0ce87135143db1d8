"""Pure rules and models: nothing here imports Textual or touches the disk."""
