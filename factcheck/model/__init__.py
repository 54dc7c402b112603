"""Models shared by every stage: documents, facts, findings and reports."""
