"""The operations a user performs, shared by the command line and the window (issue 13): each takes
plain data and does one unit of work. So far: every export (:mod:`casereview.app.exports`)."""
