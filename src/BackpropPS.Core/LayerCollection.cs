using System.Collections.ObjectModel;

namespace BackpropPS.Core
{
    /// <summary>
    /// A network's layers, read-only, whose text names each layer ("2 -> 2 Sigmoid (Shared bias); ..."), so that a
    /// network piped to Export-Csv or shown in a narrow table says what its layers are, not the collection's type.
    /// </summary>
    internal sealed class LayerCollection : ReadOnlyCollection<Layer>
    {
        public LayerCollection(IList<Layer> layers) : base(layers)
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
