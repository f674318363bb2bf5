"""Every printed document (ReportLab). No Qt, no ORM sessions: documents are built from service DTOs."""
