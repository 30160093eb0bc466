"""The writers: what a built graph becomes. `statements` maps the model to RDF statements (per
episode and for the entities graph) and `turtle` writes them as Turtle; `networkx` and
`property_graph` are its other shapes; `html` draws the page; `formats` is the registry of
`kgraph export` formats (one module per format); `read`, `validate` and `push` read a written
graph back, check it against the shapes, send it to a server."""
