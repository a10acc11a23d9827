using System.Globalization;

namespace Codesign.Data.Csv;

/// <summary>
/// Turns label texts into class indices. With declared classes a label is a class name or (unless the labels are
/// names by construction, as ARFF's nominal values are) an integer index into them. Without, the classes are
/// whatever labels occur, sorted (numerically when all are integers, so "10" follows "9"), which needs every row
/// seen first: rows get provisional ids that <see cref="Finish(IReadOnlyList{int[]})"/> remaps. One instance serves
/// every file of a source, its separate test files included, so all of them share one class order.
/// </summary>
internal sealed class CsvLabels
{
    private readonly string[] _declared;
    private readonly bool _acceptIndices;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<string> _seen = [];

    public CsvLabels(IReadOnlyList<string> declaredClasses, bool acceptIndices = true)
    {
        _declared = [.. declaredClasses];
        _acceptIndices = acceptIndices;
        for (var i = 0; i < _declared.Length; i++)
        {
            _indexByName.TryAdd(_declared[i], i);
        }
    }

    private bool IsDeclared => _declared.Length > 0;

    /// <returns>Null on success, otherwise what is wrong with the label.</returns>
    public string? TryResolve(string text, out int index)
    {
        index = -1;
        if (text.Length == 0)
        {
            return "the label is empty; expected " + Expectation();
        }

        if (_indexByName.TryGetValue(text, out index))
        {
            return null;
        }

        if (!IsDeclared)
        {
            index = _seen.Count;
            _indexByName.Add(text, index);
            _seen.Add(text);
            return null;
        }

        if (_acceptIndices && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 0 && number < _declared.Length)
            {
                index = (int)number;
                return null;
            }

            return $"class index {number} is out of range; expected {Expectation()}";
        }

        return $"label '{text}' is not one of the declared classes; expected {Expectation()}";
    }

    /// <summary>The class names in output order; remaps every row of every label set to its final index.</summary>
    public string[] Finish(IReadOnlyList<int[]> labelSets)
    {
        ArgumentNullException.ThrowIfNull(labelSets);
        if (IsDeclared)
        {
            return _declared;
        }

        var numbers = new long[_seen.Count];
        var allIntegers = true;
        for (var i = 0; i < _seen.Count && allIntegers; i++)
        {
            allIntegers = long.TryParse(_seen[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]);
        }

        // Map every provisional id to its class; "1" and "01" name the same integer class.
        string[] classNames;
        var remap = new int[_seen.Count];
        if (allIntegers)
        {
            var distinct = numbers.Distinct().Order().ToArray();
            classNames = distinct.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
            for (var i = 0; i < remap.Length; i++)
            {
                remap[i] = Array.BinarySearch(distinct, numbers[i]);
            }
        }
        else
        {
            classNames = [.. _seen.Order(StringComparer.Ordinal)];
            for (var i = 0; i < remap.Length; i++)
            {
                remap[i] = Array.BinarySearch(classNames, _seen[i], StringComparer.Ordinal);
            }
        }

        foreach (var labels in labelSets)
        {
            for (var row = 0; row < labels.Length; row++)
            {
                labels[row] = remap[labels[row]];
            }
        }

        return classNames;
    }

    private string Expectation() =>
        !IsDeclared ? "a class name or an integer class index"
        : _acceptIndices ? $"one of {string.Join(", ", _declared)} or a class index in [0, {_declared.Length})"
        : $"one of {string.Join(", ", _declared)}";
}
