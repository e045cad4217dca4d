"""Sound: the numpy synthesis engine, the score it plays and the device it plays on."""
