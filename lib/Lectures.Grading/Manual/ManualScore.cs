namespace Lectures.Grading.Manual;

/// <summary>The instructor's score of one student's answer to one manual cell.</summary>
/// <param name="Student">The student, as the gradebook names them.</param>
/// <param name="Question">The manual cell's grade id.</param>
/// <param name="Points">Points given, from 0 to the cell's points.</param>
/// <param name="Comment">The instructor's comment for the student ("" when none).</param>
public sealed record ManualScore(string Student, string Question, double Points, string Comment);
