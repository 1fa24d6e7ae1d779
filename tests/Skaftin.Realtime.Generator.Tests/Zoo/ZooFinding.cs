namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>Something the zoo found wrong with a cell (or with a whole model when it cannot be pinned on one member).</summary>
/// <param name="Model">The model.</param>
/// <param name="Member">The member, when the problem is pinned on one.</param>
/// <param name="Class">The class of the problem, for grouping (<c>CS0102 in generated code</c>, <c>wrong value</c>).</param>
/// <param name="Detail">What exactly happened.</param>
internal sealed record ZooFinding(ZooModel Model, ZooMember? Member, string Class, string Detail)
{
    public string Cell => Member is null ? $"{Model.TypeName} [{Model.Form}, nullable {Model.Context}, {Model.Kind}]" : Model.Describe(Member);

    public override string ToString() => $"{Class}: {Cell}: {Detail}";
}
