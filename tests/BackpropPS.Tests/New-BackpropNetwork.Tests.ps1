# New-BackpropNetwork: explicit weights and biases, random networks from a seed, activations and bias modes, and what it refuses.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'New-BackpropNetwork' {
    It 'builds a network from explicit weights and biases' {
        $net = New-BackpropNetwork -Weight @(@(0.15, 0.20), @(0.25, 0.30)), @(@(0.40, 0.45), @(0.50, 0.55)) -Bias 0.35, 0.60
        Assert-Close (($net | Invoke-BackpropForward -Input 0.05, 0.10).Output[1]) 0.772928465321 1e-12
        $net.Layers.BiasMode | Should -Be 'Shared', 'Shared'
    }

    It 'reads a bias array as per-neuron biases and $null as none' {
        $net = New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)), @(, @(5, 6)) -Bias @(0.1, 0.2), $null -Activation ReLU, Linear
        $net.Layers[0].BiasMode | Should -Be 'PerNeuron'
        $net.Layers[1].BiasMode | Should -Be 'None'
        Assert-Close (($net | Invoke-BackpropForward -Input 1, 1).Output[0]) (5 * 3.1 + 6 * 7.2) 1e-12
    }

    It 'gives the same network for the same seed and another for another seed' {
        $a = New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 7 | Get-BackpropParameter
        $b = New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 7 | Get-BackpropParameter
        $c = New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 8 | Get-BackpropParameter
        $a.Value | Should -Be $b.Value
        $a.Value | Should -Not -Be $c.Value
    }

    It 'uses one activation for all layers or one per layer' {
        (New-BackpropNetwork 2, 3, 1 -Activation Tanh).Layers.Activation | Should -Be 'Tanh', 'Tanh'
        (New-BackpropNetwork 2, 3, 1 -Activation ReLU, Sigmoid).Layers.Activation | Should -Be 'ReLU', 'Sigmoid'
    }

    It 'accepts enum names in any case' {
        (New-BackpropNetwork 2, 1 -Activation leakyrelu -BiasMode none).Layers[0].Activation | Should -Be 'LeakyReLU'
    }
}

Describe 'Flat lists where a network has one layer' {
    It 'reads a flat -Bias as per-neuron biases of a one-layer network' {
        $net = New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)) -Bias 0.1, -0.1 -Activation Linear
        $net.Layers[0].BiasMode | Should -Be 'PerNeuron'
        ($net | Invoke-BackpropForward -Input 1, 1).Output | Should -Be 3.1, 6.9
    }

    It 'names the weight row in an error' {
        $e = Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 'x')) } 'NonNumericArgument' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*value 2 of weight row of layer 1 2*'
    }
}

Describe 'Errors from New-BackpropNetwork' {
    It 'rejects a single layer size' {
        Get-ErrorRecord { New-BackpropNetwork -LayerSize 3 } 'InvalidLayerSize' 'InvalidArgument'
    }

    It 'rejects a layer of zero neurons' {
        Get-ErrorRecord { New-BackpropNetwork -LayerSize 3, 0 } 'InvalidLayerSize' 'InvalidArgument'
    }

    It 'rejects a number of activations that is neither one nor one per layer' {
        Get-ErrorRecord { New-BackpropNetwork 2, 3, 1 -Activation ReLU, ReLU, ReLU } 'ActivationCountMismatch' 'InvalidArgument'
    }

    It 'rejects weights of layers that do not chain' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)), @(, @(1, 2, 3)) } 'LayerSizeMismatch' 'InvalidArgument'
    }

    It 'rejects a number of biases unlike the number of layers' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)), @(, @(1, 2)) -Bias 1, 2, 3 } 'BiasCountMismatch' 'InvalidArgument'
    }

    It 'rejects a per-neuron bias of the wrong length' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)) -Bias @(, @(1, 2, 3)) } 'BiasShapeMismatch' 'InvalidArgument'
    }

    It 'rejects an unknown activation' {
        $e = Get-ErrorRecord { New-BackpropNetwork 2, 2 -Activation Cosine } 'CannotConvertArgumentNoMessage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*Sigmoid*'
    }
}

Describe 'Sizes beyond what can be built' {
    It 'refuses a layer of <Size> x <Size> weights with the size it would need' -TestCases @(@{ Size = 65536 }, @{ Size = 46341 }) {
        param($Size)
        $e = Get-ErrorRecord { New-BackpropNetwork -LayerSize $Size, $Size } 'NetworkTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike "*$('{0:N0}' -f $Size)*more than one array can hold*"
    }
}
