"""The pure core: clock, timeline, state, notes, config and hours; imports no pygame or scipy."""
