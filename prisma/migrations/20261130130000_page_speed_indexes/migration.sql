-- Page speed at UGEL scale (docs/decisions/017-page-speed.md): the coordinator's and the
-- directors' homes count a territory's active students; with this index the count reads the
-- index alone (49,476 students: 30-50 ms sequential scan -> 7-9 ms index-only scan).
CREATE INDEX "student_schoolId_status_idx" ON "student"("schoolId", "status");
