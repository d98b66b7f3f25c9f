using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tests.Tge;

/// <summary>One classifier on the shipped rules per test class: compiling the rules is the expensive part.</summary>
public sealed class DefaultClassifierFixture
{
    internal TgeClassifier Classifier { get; } = TgeClassifier.CreateDefault();
}
