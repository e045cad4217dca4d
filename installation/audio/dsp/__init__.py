"""Block-based DSP parts: every one carries its state, so any block size gives the same sound."""
