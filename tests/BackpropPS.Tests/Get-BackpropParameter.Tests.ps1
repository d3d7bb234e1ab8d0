# Get-BackpropParameter: the rows of a network, a gradient or an epoch row, as the seed counts them and through Export-Csv, and what it does with something else.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:tolerance = 1e-12
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99
}

Describe 'Parameter rows' {
    It 'carry Layer, Kind, From, To, Name, Value and Gradient as the seed counts them' {
        $rows = $grad | Get-BackpropParameter
        $w = $rows | Where-Object Name -eq 'w1_21'
        $w.Layer | Should -Be 1
        $w.Kind | Should -Be 'Weight'
        $w.From | Should -Be 2
        $w.To | Should -Be 1
        Assert-Close ($w.Gradient) (0.10 * 0.008771354689) $tolerance
        $b = $rows | Where-Object Name -eq 'b2'
        $b.Kind | Should -Be 'Bias'
        $b.From | Should -BeNullOrEmpty
        $b.To | Should -BeNullOrEmpty
        Assert-Close ($b.Gradient) (0.138498561629 - 0.038098236517) $tolerance
    }

    It 'give a per-neuron bias a To' {
        $rows = New-BackpropNetwork -LayerSize 2, 3 -BiasMode PerNeuron -Seed 1 | Get-BackpropParameter
        ($rows | Where-Object Kind -eq 'Bias').Name | Should -Be 'b1_1', 'b1_2', 'b1_3'
        ($rows | Where-Object Kind -eq 'Bias').To | Should -Be 1, 2, 3
    }

    It 'survive Export-Csv and Import-Csv exactly' {
        $path = Join-Path $TestDrive 'params.csv'
        $rows = @($grad | Get-BackpropParameter)
        $rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $back = @(Import-Csv -LiteralPath $path)
        $back.Count | Should -Be $rows.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $back[$i].Name | Should -Be $rows[$i].Name
            $back[$i].Kind | Should -Be $rows[$i].Kind.ToString()
            [int]$back[$i].Layer | Should -Be $rows[$i].Layer
            $back[$i].From | Should -Be ([string]$rows[$i].From)
            $back[$i].To | Should -Be ([string]$rows[$i].To)
            [double]::Parse($back[$i].Value, [cultureinfo]::InvariantCulture) | Should -Be $rows[$i].Value
            [double]::Parse($back[$i].Gradient, [cultureinfo]::InvariantCulture) | Should -Be $rows[$i].Gradient
        }
    }
}

Describe 'Get-BackpropParameter inputs' {
    It 'takes an array of networks as -InputObject' {
        @(Get-BackpropParameter -InputObject $net, $net).Count | Should -Be 20
    }

    It 'takes an epoch row (the network after the epoch)' {
        $run = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 2, 1 -Seed 1) -TargetColumn label -Epochs 2
        ($run[-1] | Get-BackpropParameter).Value | Should -Be ($run[-1].Network | Get-BackpropParameter).Value
    }
}

Describe 'Get-BackpropParameter with something else' {
    It 'writes a non-terminating error and goes on with the rest' {
        $rows = @($net, 'not a network', $net | Get-BackpropParameter -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 20
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedInputObject,*'
    }

    It 'names what was piped to Get-BackpropParameter without a .NET type' {
        $e = Get-ErrorRecord { 'abc' | Get-BackpropParameter } 'UnsupportedInputObject' 'InvalidType'
        $e.Exception.Message | Should -Be "Expected a network, a forward pass, a gradient, a training step or an epoch row; got 'abc'."
    }
}
