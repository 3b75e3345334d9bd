raise RuntimeError("acme vendors could not start")
