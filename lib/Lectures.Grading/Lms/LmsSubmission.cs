namespace Lectures.Grading.Lms;

/// <summary>A submission found in an LMS's download: whose it is and where.</summary>
/// <param name="StudentId">The LMS's id of the student: Canvas's user id (the gradebook's "ID"), Moodle's participant id (the worksheet's "Participant N").</param>
/// <param name="Name">The student's name as the LMS wrote it into the file or folder name (display only).</param>
/// <param name="Path">The notebook's path; it is only ever read.</param>
public sealed record LmsSubmission(string StudentId, string Name, string Path);
