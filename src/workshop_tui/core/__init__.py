"""The domain core: agenda, model, store, exports. Imports no Textual, ever."""
