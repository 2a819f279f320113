"""Where people have signed: the map of nations and regions, and a page for each constituency."""
