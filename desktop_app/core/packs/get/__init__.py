"""Getting a pack without torch: the hub's listing, resumable downloads, assembling ready-made
ONNX towers into a pack and quantising them."""
