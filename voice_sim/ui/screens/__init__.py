"""The app's screens: home (choose), interview (practise), report (read), history (review),
and the small dialogs they share."""
