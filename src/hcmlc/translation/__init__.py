"""The translator's files: the form's answers out as XLIFF 1.2 or a workbook, and back."""
