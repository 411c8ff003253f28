"""Other formats a bank is written to and read from: a web page that plays
it, a printable sheet, Moodle's GIFT and Aiken, CSV for spreadsheets, and an
Anki deck."""
