using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Microsoft.CodeAnalysis;

namespace Lectures.Grading.Checking;

/// <summary>
/// A rule a cell must keep to run, checked on its compilation after the cells before it: the outcome of a refused
/// cell, or null. <paramref name="labels"/> maps the assembly name of each cell of the chain, this one included, to
/// its label (see <see cref="TestContract"/>).
/// </summary>
public delegate CellOutcome? CellCheck(SourceCell cell, Compilation compilation, IReadOnlyDictionary<string, string> labels);

/// <summary>The checks of the grader: the allow-list for student cells and the test contract for trusted ones.</summary>
public static class CellChecks
{
    /// <summary>A student cell that uses anything off the allow-list (<see cref="ApiPolicy"/>) is refused with forbidden-api.</summary>
    public static CellCheck AllowList { get; } = (cell, compilation, _) =>
        !cell.Trusted && ApiPolicy.FirstViolation(compilation) is { } api
            ? new CellOutcome(cell.Key, GradeStatus.ForbiddenApi,
                $"The cell uses {api}, which is not on the list of what a submission may use (the core System types, collections, LINQ, " +
                "System.Text, System.Numerics, MathNet.Numerics and the kit, without files, processes, the network, reflection or threads).")
            : null;

    /// <summary>
    /// A trusted cell with a contract that binds anything outside it is refused with shadows-api or changed-signature
    /// (<see cref="TestContract.Violation"/>).
    /// </summary>
    public static CellCheck Contract { get; } = (cell, compilation, labels) =>
        cell is { Trusted: true, Contract: { } contract }
        && TestContract.Violation(labels[compilation.AssemblyName!], contract, TestContract.Of(compilation, labels)) is var (status, message)
            ? new CellOutcome(cell.Key, status, message)
            : null;

    /// <summary>Both, as <see cref="CellCompiler.Compile"/> applies them by default.</summary>
    public static IReadOnlyList<CellCheck> All { get; } = [AllowList, Contract];
}
