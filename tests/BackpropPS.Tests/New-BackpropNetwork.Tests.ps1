# Batches, explicit networks and random networks through the cmdlets.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'A batch' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input @(0.05, 0.10), @(0.5, -0.2), @(1, 2)
    }

    It 'keeps one row of z and a per sample' {
        $fwd.SampleCount | Should -Be 3
        $fwd.Output.Rows | Should -Be 3
        $fwd.Z[0].Rows | Should -Be 3
        Assert-Close ($fwd.Output.GetRow(0)[0]) 0.751365069552 1e-12
    }

    It 'has the mean of its samples losses as its loss' {
        $targets = @(0.01, 0.99), @(1, 0), @(0.5, 0.5)
        $batch = $fwd | Get-BackpropGradient -Target $targets
        $single = for ($i = 0; $i -lt 3; $i++) {
            ($net | Invoke-BackpropForward -Input $fwd.Input.GetRow($i) | Get-BackpropGradient -Target $targets[$i]).Loss
        }
        Assert-Close ($batch.Loss) (($single | Measure-Object -Sum).Sum / 3) 1e-15
    }

    It 'takes numbers as strings, as Import-Csv gives them' {
        Assert-Close (($net | Invoke-BackpropForward -Input '0.05', '0.10').Output[0]) 0.751365069552 1e-12
    }
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

Describe 'Losses through the cmdlets' {
    It 'trains a softmax network with cross-entropy: one step lowers the loss' {
        $net = New-BackpropNetwork 3, 5, 3 -Activation Tanh, Softmax -Seed 3
        $x = @(0.2, -0.4, 0.9), @(-1, 0.5, 0.1)
        $y = @(1, 0, 0), @(0, 0, 1)
        $before = $net | Invoke-BackpropForward -Input $x | Get-BackpropGradient -Target $y -Loss CrossEntropy
        $after = $before | Update-BackpropNetwork -LearningRate 0.1 | Invoke-BackpropForward -Input $x |
            Get-BackpropGradient -Target $y -Loss CrossEntropy
        $after.Loss | Should -BeLessThan $before.Loss
    }
}

Describe 'Targets of a one-output network' {
    It 'read a flat list as one target per sample' {
        $net = New-BackpropNetwork 2, 3, 1 -Seed 1
        $flat = $net | Invoke-BackpropForward -Input @(0, 0), @(0, 1), @(1, 0) | Get-BackpropGradient -Target 0, 1, 1
        $nested = $net | Invoke-BackpropForward -Input @(0, 0), @(0, 1), @(1, 0) | Get-BackpropGradient -Target @(, 0), @(, 1), @(, 1)
        $flat.Target.Rows | Should -Be 3
        $flat.Loss | Should -Be $nested.Loss
    }
}

Describe 'Flat lists where a network has one input or one layer' {
    It 'reads a flat -Input as one sample per value for a one-input network' {
        $net = New-BackpropNetwork 1, 2, 1 -Seed 1
        $fwd = $net | Invoke-BackpropForward -Input 1, 2, 3
        $fwd.SampleCount | Should -Be 3
        $fwd.Output.GetRow(2)[0] | Should -Be ($net | Invoke-BackpropForward -Input 3).Output[0]
    }

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
