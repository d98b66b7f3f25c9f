using System.Linq.Expressions;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Persistence;

/// <summary>
/// Makes <see cref="PersistentState{T}"/> instances for one constructor parameter. The "new state" delegate is
/// compiled here, at start-up, so activations never reflect.
/// </summary>
internal sealed class PersistentStateFactory<T> : IPersistentStateFactory
{
    private readonly string _stateName;
    private readonly string _storageName;
    private readonly IGrainStorage _storage;
    private readonly Func<T> _newState;

    public PersistentStateFactory(string stateName, string storageName, IGrainStorage storage)
    {
        _stateName = stateName;
        _storageName = storageName;
        _storage = storage;
        _newState = CompileNewState();
    }

    public IActivationState Create(ActivationData activation) =>
        new PersistentState<T>(_stateName, _storageName, _storage, activation, _newState);

    private static Func<T> CompileNewState()
    {
        var type = typeof(T);
        if (type.IsValueType)
        {
            return static () => default!;
        }

        if (type == typeof(string))
        {
            return static () => (T)(object)string.Empty;
        }

        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"State type {type.FullName} needs a public parameterless constructor so a grain without a stored record starts from a new instance.");
        }

        return Expression.Lambda<Func<T>>(Expression.New(type)).Compile();
    }
}
