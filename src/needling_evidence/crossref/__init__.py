"""Everything that talks to Crossref: the client (the only habanero import), its cache, and the verification
that compares what Crossref knows with what the user wrote."""
