"""Comment letters: reading a letter file (``source``) and turning its prose into edits (``extract``)."""
