namespace Lectures.TextTasks;

/// <summary>One input of a text task with its reference output (the finetuning label).</summary>
public sealed record TextExample(string Input, string Reference);
