"""Everything that talks to Crossref: the client (over its own HTTP transport), its cache, and the
verification that compares what Crossref knows with what the user wrote."""
