namespace BackpropPS.Core.Teaching
{
    /// <summary>One number of a training step that a student computes, with its right value.</summary>
    public sealed class ExerciseQuantity
    {
        internal ExerciseQuantity(string name, ExercisePart part, QuantityKind kind, int layer, int neuron, ParameterId parameter)
        {
            Name = name; Part = part; Kind = kind; Layer = layer; Neuron = neuron; Parameter = parameter;
        }

        /// <summary>The trace's name: z_h1, a_o2, delta_o1, dE/dw1_21, dE/db1, w1_21 (after the step), b1.</summary>
        public string Name { get; }

        /// <summary>Forward, Backward or Update.</summary>
        public ExercisePart Part { get; }

        /// <summary>What the quantity is.</summary>
        public QuantityKind Kind { get; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; }

        /// <summary>The neuron, from 1 (for a weight, the one it feeds); 0 for a shared bias.</summary>
        public int Neuron { get; }

        /// <summary>The weight or bias of a gradient or an update; null for z, a and delta.</summary>
        public ParameterId Parameter { get; }

        /// <summary>The formula to compute it with, in the names of the worksheet.</summary>
        public string Hint { get; internal set; }

        /// <summary>The right value (the module's own step).</summary>
        public double Expected { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
