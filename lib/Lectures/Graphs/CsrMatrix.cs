namespace Lectures.Graphs;

/// <summary>
/// A sparse matrix of floats in compressed sparse row form: row i holds the entries
/// (ColumnIndices[k], Values[k]) for k in RowOffsets[i]..RowOffsets[i+1]-1, columns ascending. Used for
/// bag-of-words vertex features.
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] rowOffsets;
    private readonly int[] columns;
    private readonly float[] values;

    /// <summary>
    /// A CSR matrix from its three arrays; checks that the offsets are non-decreasing from 0 to nnz, that the columns
    /// of every row are strictly ascending and inside 0..columnCount-1.
    /// </summary>
    public CsrMatrix(int rowCount, int columnCount, int[] rowOffsets, int[] columnIndices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowOffsets);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowCount < 0 || columnCount < 0)
            throw new ArgumentException($"A {rowCount} x {columnCount} matrix has a negative dimension.", nameof(rowCount));
        if (rowOffsets.Length != rowCount + 1)
            throw new ArgumentException($"There are {rowOffsets.Length} row offsets, expected rows + 1 = {rowCount + 1}.", nameof(rowOffsets));
        if (columnIndices.Length != values.Length)
            throw new ArgumentException($"There are {columnIndices.Length} column indices but {values.Length} values.", nameof(values));
        if (rowOffsets[0] != 0 || rowOffsets[rowCount] != values.Length)
            throw new ArgumentException(
                $"The row offsets run from {rowOffsets[0]} to {rowOffsets[rowCount]}, expected 0 to the number of entries ({values.Length}).", nameof(rowOffsets));
        for (var i = 0; i < rowCount; i++)
        {
            if (rowOffsets[i + 1] < rowOffsets[i])
                throw new ArgumentException($"Row offsets decrease at row {i}: {rowOffsets[i]} then {rowOffsets[i + 1]}.", nameof(rowOffsets));
            for (var k = rowOffsets[i]; k < rowOffsets[i + 1]; k++)
            {
                if ((uint)columnIndices[k] >= (uint)columnCount)
                    throw new ArgumentException(
                        $"Row {i} has column {columnIndices[k]}, out of range: the matrix has {columnCount} columns.", nameof(columnIndices));
                if (k > rowOffsets[i] && columnIndices[k] <= columnIndices[k - 1])
                    throw new ArgumentException($"Row {i} lists its columns out of order or twice ({columnIndices[k - 1]} then {columnIndices[k]}).", nameof(columnIndices));
            }
        }
        RowCount = rowCount;
        ColumnCount = columnCount;
        this.rowOffsets = rowOffsets;
        columns = columnIndices;
        this.values = values;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => values.Length;

    /// <summary>The column indices of the stored entries of row i, ascending.</summary>
    public ReadOnlySpan<int> RowColumns(int i) => columns.AsSpan(rowOffsets[i], rowOffsets[i + 1] - rowOffsets[i]);

    /// <summary>The values of the stored entries of row i, in the order of <see cref="RowColumns"/>.</summary>
    public ReadOnlySpan<float> RowValues(int i) => values.AsSpan(rowOffsets[i], rowOffsets[i + 1] - rowOffsets[i]);

    /// <summary>The entry (i, j), 0 when not stored.</summary>
    public float this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)RowCount || (uint)j >= (uint)ColumnCount)
                throw new ArgumentException($"Entry ({i}, {j}) is outside the {RowCount} x {ColumnCount} matrix.");
            var k = RowColumns(i).BinarySearch(j);
            return k >= 0 ? values[rowOffsets[i] + k] : 0f;
        }
    }

    /// <summary>A CSR matrix from rows given as (column, value) lists; zero values are not stored.</summary>
    public static CsrMatrix FromRows(int columnCount, IReadOnlyList<IEnumerable<(int Column, float Value)>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new int[rows.Count + 1];
        var cols = new List<int>();
        var vals = new List<float>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (c, v) in rows[i].Where(e => e.Value != 0f).OrderBy(e => e.Column))
            {
                cols.Add(c);
                vals.Add(v);
            }
            offsets[i + 1] = cols.Count;
        }
        return new CsrMatrix(rows.Count, columnCount, offsets, cols.ToArray(), vals.ToArray());
    }

    /// <summary>"CsrMatrix rows x columns, nnz stored entries".</summary>
    public override string ToString() => $"CsrMatrix {RowCount} x {ColumnCount}, {NonZeroCount} stored entries";
}
