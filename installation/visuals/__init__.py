"""Pictures: layers drawn onto a surface they are given, composed per scene."""
