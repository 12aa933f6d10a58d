// Where each home figure leads: the list that shows exactly the rows it counts, with the same
// filters in the URL. Lists of other features are named by their URL contract (referrals:
// status, urgency, overdue=1; see the referrals inbox), so a figure and its list cannot drift.

export const HOME_LINKS = {
  activeStudents: "/students?status=ACTIVE",
  openAlerts: "/alerts",
  openCases: "/cases?state=NOT_CLOSED",
  myOpenCases: "/cases?state=NOT_CLOSED&assignee=me",
  attendanceToday: "/attendance#hoy",
  overdueReferrals: "/referrals?overdue=1",
  referralsWaiting: "/referrals?status=SENT",
  referralsActive: "/referrals?status=ACCEPTED&status=IN_PROGRESS",
  /** Coordinators see aggregates only: the report section that breaks the figure down. */
  reportsGradeSex: "/reports#grade-sex",
  reportsFunnel: "/reports#funnel",
  reportsReferrals: "/reports#referrals",
  users: "/admin/users",
  schools: "/admin/schools",
  agencies: "/admin/agencies",
} as const;
