namespace Lectures.Graphs;

/// <summary>
/// Reads a citation graph in the .npz format of the gnn-benchmark collection (Cora, CiteSeer, ...):
/// adjacency as CSR arrays adj_data, adj_indices, adj_indptr, adj_shape (directed entries, symmetrised here);
/// optional features attr_data, attr_indices, attr_indptr, attr_shape; optional labels and class_names.
/// </summary>
public static class CitationGraphReader
{
    /// <summary>
    /// The undirected simple graph in the .npz file at <paramref name="path"/>: an edge {i, j} for every stored
    /// adjacency entry (i, j) with a non-zero value; self-loops and repeated edges are dropped and counted in
    /// LoadReport; features and labels are attached when present.
    /// </summary>
    public static Graph Read(string path)
    {
        var npz = NpzArchive.Read(path);
        var file = npz.File;
        var (n, nCols) = Shape2(npz, "adj_shape");
        if (n != nCols)
            throw new GraphFormatException(file, 0, $"adj_shape is ({n}, {nCols}); an adjacency matrix must be square.");
        var (indptr, indices, data) = CsrArrays(npz, "adj", n, n);
        var us = new List<int>(indices.Length);
        var vs = new List<int>(indices.Length);
        for (var i = 0; i < n; i++)
            for (var k = indptr[i]; k < indptr[i + 1]; k++)
                if (data[k] != 0f)
                {
                    us.Add(i);
                    vs.Add(indices[k]);
                }
        var graph = Graph.FromEdgeArrays(n, us.ToArray(), vs.ToArray(), file);

        if (npz.Contains("attr_shape"))
        {
            var (rows, features) = Shape2(npz, "attr_shape");
            if (rows != n)
                throw new GraphFormatException(file, 0, $"attr_shape is ({rows}, {features}), expected one feature row per vertex ({n}).");
            var (fptr, fcols, fvals) = CsrArrays(npz, "attr", rows, features);
            SortRows(fptr, fcols, fvals);
            graph = graph.WithFeatures(new CsrMatrix(rows, features, fptr, fcols, fvals));
        }
        if (npz.Contains("labels"))
        {
            var labels = npz["labels"].ToInt32(file);
            if (labels.Length != n)
                throw new GraphFormatException(file, 0, $"'labels' has {labels.Length} entries, expected one per vertex ({n}).");
            var names = npz.Contains("class_names") ? npz["class_names"].ToStrings(file) : null;
            var bad = Array.FindIndex(labels, l => l < 0 || (names != null && l >= names.Length));
            if (bad >= 0)
                throw new GraphFormatException(file, 0,
                    $"vertex {bad} has label {labels[bad]}, expected 0..{(names?.Length ?? int.MaxValue) - 1}.");
            graph = graph.WithLabels(labels, names);
        }
        return graph;
    }

    private static (int Rows, int Columns) Shape2(NpzArchive npz, string name)
    {
        var shape = npz[name].ToInt32(npz.File);
        if (shape.Length != 2)
            throw new GraphFormatException(npz.File, 0, $"'{name}' has {shape.Length} entries, expected 2 (rows, columns).");
        return (shape[0], shape[1]);
    }

    private static (int[] Indptr, int[] Indices, float[] Data) CsrArrays(NpzArchive npz, string prefix, int rows, int columns)
    {
        var file = npz.File;
        var indptr = npz[prefix + "_indptr"].ToInt32(file);
        var indices = npz[prefix + "_indices"].ToInt32(file);
        var data = npz[prefix + "_data"].ToSingle(file);
        if (indptr.Length != rows + 1)
            throw new GraphFormatException(file, 0, $"'{prefix}_indptr' has {indptr.Length} entries, expected rows + 1 = {rows + 1}.");
        if (indices.Length != data.Length)
            throw new GraphFormatException(file, 0, $"'{prefix}_indices' has {indices.Length} entries but '{prefix}_data' has {data.Length}.");
        if (indptr[0] != 0 || indptr[rows] != data.Length)
            throw new GraphFormatException(file, 0,
                $"'{prefix}_indptr' runs from {indptr[0]} to {indptr[rows]}, expected 0 to the number of entries ({data.Length}).");
        for (var i = 0; i < rows; i++)
            if (indptr[i + 1] < indptr[i])
                throw new GraphFormatException(file, 0, $"'{prefix}_indptr' decreases at row {i}.");
        var bad = Array.FindIndex(indices, j => (uint)j >= (uint)columns);
        if (bad >= 0)
            throw new GraphFormatException(file, 0, $"'{prefix}_indices' holds column {indices[bad]}, out of range for {columns} columns.");
        return (indptr, indices, data);
    }

    private static void SortRows(int[] indptr, int[] columns, float[] values)
    {
        for (var i = 0; i + 1 < indptr.Length; i++)
            columns.AsSpan(indptr[i], indptr[i + 1] - indptr[i]).Sort(values.AsSpan(indptr[i], indptr[i + 1] - indptr[i]));
    }
}
