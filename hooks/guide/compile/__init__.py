"""Compile: content_src/ and the brand into an engine's input (Markdown pages whose safety boxes are
already in their content), so that any engine that reads Markdown builds the same site."""
