using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data.Jets;

/// <summary>
/// What part of the generator's output a spec wants: a subset or reordering of the classes (data.classes),
/// their mix (data.classMix, one weight per selected class) and a subset or reordering of the features.
/// Classes not selected get weight zero, so the selected ones keep exactly the requested proportions.
/// </summary>
internal sealed class JetSelection
{
    private readonly int[] _classes;
    private readonly int[] _features;

    private JetSelection(int[] classes, int[] features, double[] weights)
    {
        _classes = classes;
        _features = features;
        Weights = weights;
    }

    /// <summary>Weights over all generator classes, in <see cref="JetFeatures.ClassNames"/> order.</summary>
    public double[] Weights { get; }

    public static JetSelection Resolve(DataSpec spec)
    {
        var diagnostics = new DiagnosticBag(capacity: 20);
        var classes = ResolveClasses(spec, diagnostics);
        var features = ResolveFeatures(spec, diagnostics);
        var weights = ResolveWeights(spec, classes, diagnostics);
        diagnostics.ThrowIfAny();
        return new JetSelection(classes, features, weights);
    }

    /// <summary>Keeps the selected features in the requested order and renumbers labels to the selected classes.</summary>
    public LabeledSamples Apply(LabeledSamples all)
    {
        var source = all.Rows;
        var width = _features.Length;
        var features = new float[source.RowCount * width];
        for (var row = 0; row < source.RowCount; row++)
        {
            var values = source.Row(row);
            for (var column = 0; column < width; column++)
            {
                features[(row * width) + column] = values[_features[column]];
            }
        }

        var labelOf = new int[JetFeatures.ClassCount];
        Array.Fill(labelOf, -1);
        for (var i = 0; i < _classes.Length; i++)
        {
            labelOf[_classes[i]] = i;
        }

        // Unselected classes have weight zero, so every generated label maps to a selected one.
        var labels = source.Labels.Select(label => labelOf[label]).ToArray();
        return new LabeledSamples(
            _features.Select(f => all.FeatureNames[f]).ToArray(),
            _classes.Select(c => all.ClassNames[c]).ToArray(),
            new DatasetSplit(features, labels, width));
    }

    private static int[] ResolveClasses(DataSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Classes.Count == 0)
        {
            return Enumerable.Range(0, JetFeatures.ClassCount).ToArray();
        }

        var classes = new int[spec.Classes.Count];
        for (var i = 0; i < classes.Length; i++)
        {
            var name = spec.Classes[i];
            classes[i] = IndexOf(JetFeatures.ClassNames, name);
            if (classes[i] < 0)
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidChoice,
                    SpecLocations.Classes(spec),
                    $"'{name}' is not a jet generator class; expected some of: {string.Join(", ", JetFeatures.ClassNames)}"
                    + NameSuggestions.DidYouMean(name, JetFeatures.ClassNames));
            }
            else if (Array.IndexOf(classes, classes[i], 0, i) >= 0)
            {
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, SpecLocations.Classes(spec), $"class '{name}' is listed twice; expected each class once.");
            }
        }

        return classes;
    }

    private static int[] ResolveFeatures(DataSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Features.Count == 0)
        {
            return Enumerable.Range(0, JetFeatures.FeatureCount).ToArray();
        }

        var features = new int[spec.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            var name = spec.Features[i];
            features[i] = IndexOf(JetFeatures.FeatureNames, name);
            if (features[i] < 0)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownColumn,
                    SpecLocations.Feature(spec, i),
                    $"feature '{name}' is not produced by the jet generator; expected one of: {NameSuggestions.Enumerate(JetFeatures.FeatureNames)}"
                    + NameSuggestions.DidYouMean(name, JetFeatures.FeatureNames));
            }
        }

        return features;
    }

    private static double[] ResolveWeights(DataSpec spec, int[] classes, DiagnosticBag diagnostics)
    {
        var weights = new double[JetFeatures.ClassCount];
        if (spec.ClassMix.Count == 0)
        {
            foreach (var selected in classes.Where(c => c >= 0))
            {
                weights[selected] = 1;
            }

            return weights;
        }

        if (spec.ClassMix.Count != classes.Length)
        {
            diagnostics.Error(
                DiagnosticCodes.InconsistentSpec,
                SpecLocations.ClassMix(spec),
                $"data.classMix has {spec.ClassMix.Count} weights but there are {classes.Length} classes ({string.Join(", ", classes.Where(c => c >= 0).Select(c => JetFeatures.ClassNames[c]))}); expected one weight per class.");
            return weights;
        }

        for (var i = 0; i < classes.Length; i++)
        {
            var weight = spec.ClassMix[i];
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                diagnostics.Error(DiagnosticCodes.OutOfRange, SpecLocations.ClassMix(spec), $"class weight {weight} is invalid; expected a finite number >= 0.");
            }
            else if (classes[i] >= 0)
            {
                weights[classes[i]] = weight;
            }
        }

        if (!diagnostics.HasErrors && !(weights.Sum() > 0))
        {
            diagnostics.Error(DiagnosticCodes.OutOfRange, SpecLocations.ClassMix(spec), "data.classMix weights are all zero; expected at least one positive weight.");
        }

        return weights;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
