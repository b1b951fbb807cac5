namespace Lectures.Data;

/// <summary>Checks and error messages shared by the data loaders.</summary>
static class DataFile
{
    /// <summary>Throws <see cref="FileNotFoundException"/> naming the file and what it should contain when it is missing.</summary>
    public static void RequireExists(string path, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The {what} file {Path.GetFullPath(path)} does not exist.", path);
    }

    /// <summary>An <see cref="InvalidDataException"/> saying which file is malformed and how.</summary>
    public static InvalidDataException Malformed(string name, string problem) => new($"{name} is malformed: {problem}.");
}
