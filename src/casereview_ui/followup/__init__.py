"""After the scores (issue 15): the rectification ledger, a case's objections and a trainee's
calibration differences — thin views over ``casereview.rectify`` and ``casereview.calibration``
whose database work runs through the window's task runner."""
