# Invoke-BackpropStep as a user types it: the seed's numbers, its printout, every gradient broken into chain-rule factors that recompute it by hand through Export-Csv, and its default loss.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:tolerance = 1e-12
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:step = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    $script:rows = @($step | Get-BackpropParameter)
    function script:Row([string] $Name) { $rows | Where-Object Name -eq $Name }
}

Describe 'Invoke-BackpropStep on the seed network' {
    It 'gives the seed outputs, loss and deltas' {
        Assert-Close ($step.Output[0]) 0.751365069552 $tolerance
        Assert-Close ($step.Output[1]) 0.772928465321 $tolerance
        Assert-Close ($step.Loss) 0.298371108760 $tolerance
        Assert-Close ($step.Gradient.Delta[1][0]) 0.138498561629 $tolerance
        Assert-Close ($step.Gradient.Delta[0][1]) 0.009954254705 $tolerance
        $step.LossFunction | Should -Be 'HalfSquaredError'
        $step.LearningRate | Should -Be 0.5
    }

    It 'prints the seed walk-through''s report by default, line for line' {
        $seed = Get-Content (Join-Path $PSScriptRoot '../fixtures/seed/000_6c8fd5ece868e39c.txt')
        $expected = $seed[($seed.IndexOf('=== Forward ==='))..($seed.Count - 1)] | Where-Object { $_ -ne '' }
        $printed = ($step | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() -ne '' }
        $printed | Should -Be $expected
    }

    It 'gives one row per parameter, in the seed''s order, with old and new to 12 decimals' {
        $rows.Name | Should -Be w1_11, w1_12, w1_21, w1_22, b1, w2_11, w2_12, w2_21, w2_22, b2
        Assert-Close (Row w1_12).Old 0.25 0
        Assert-Close (Row w1_12).New 0.249751143632 $tolerance
        Assert-Close (Row b1).New 0.340637195303 $tolerance
        Assert-Close (Row w2_21).New 0.408666186076 $tolerance
        foreach ($row in $rows) { Assert-Close $row.New ($row.Old - 0.5 * $row.Gradient) 1e-15 -Because $row.Name }
    }

    It 'gives an output weight its dE/dyhat, dyhat/dz and dz/dw' {
        $w = Row w2_11
        $w.Layer | Should -Be 2
        $w.From | Should -Be 1
        $w.To | Should -Be 1
        Assert-Close $w.LossDerivative (0.751365069552 - 0.01) $tolerance
        Assert-Close $w.ActivationDerivative (0.751365069552316 * (1 - 0.751365069552316)) $tolerance
        Assert-Close $w.Input 0.593269992107 $tolerance
        $w.Downstream | Should -BeNullOrEmpty
    }

    It 'gives a hidden weight its summed downstream term, activation derivative and input' {
        $w = Row w1_12
        Assert-Close $w.Downstream (0.45 * 0.138498561629 + 0.55 * -0.038098236517) $tolerance
        $w.DownstreamTerms | Should -Be '0.45 * 0.138498561629 + 0.55 * -0.0380982365166'
        Assert-Close $w.Input 0.05 0
        Assert-Close $w.Delta 0.009954254705 $tolerance
        $w.LossDerivative | Should -BeNullOrEmpty
    }

    It 'gives a shared bias the sum of deltas it came from' {
        $b = Row b1
        Assert-Close $b.DeltaSum (0.008771354689 + 0.009954254705) $tolerance
        $b.DeltaSum | Should -Be $b.Gradient
        $b.DeltaTerms | Should -Be '0.00877135468949 + 0.00995425470522'
    }

    It 'lets a learner recompute every gradient by hand from the CSV' {
        $path = Join-Path $TestDrive 'trace.csv'
        $rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $csv = @(Import-Csv -LiteralPath $path)
        $csv[0].PSObject.Properties.Name | Select-Object -First 8 | Should -Be Name, Layer, Kind, From, To, Old, Gradient, New
        $n = { param($s) [double]::Parse($s, [cultureinfo]::InvariantCulture) }
        foreach ($row in $csv) {
            $byHand = if ($row.DeltaSum) { ($row.DeltaTerms -split ' \+ ' | ForEach-Object { & $n $_ } | Measure-Object -Sum).Sum }
                      elseif ($row.LossDerivative) { (& $n $row.LossDerivative) * (& $n $row.ActivationDerivative) * (& $n $row.Input) }
                      else { (& $n $row.Downstream) * (& $n $row.ActivationDerivative) * (& $n $row.Input) }
            Assert-Close $byHand (& $n $row.Gradient) 1e-12 -Because $row.Name
        }
    }

    It 'shows the factors in the default table' {
        $text = $step | Get-BackpropParameter | Out-String -Width 200
        $text | Should -Match 'w2_11 +0\.4 +0\.0821670405642308 +0\.358916479717885 +0\.741365 \* 0\.186816 \* 0\.59327'
        $text | Should -Match 'b2 .* sum of deltas 0\.138499 \+ -0\.0380982'
    }

    It 'leaves the network it was given unchanged and hands on the new one' {
        $step.Before | Should -Be $net
        Assert-Close (($net | Get-BackpropParameter)[0].Value) 0.15 0
        $again = $step.After | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        $again.Loss | Should -BeLessThan $step.Loss
    }

    It 'binds the network, input, target and learning rate from a piped object''s properties' {
        $byName = [pscustomobject]@{ Network = $net; Input = @(0.05, 0.10); Target = @(0.01, 0.99); LearningRate = 0.5 } | Invoke-BackpropStep
        $byName.Report | Should -Be $step.Report
    }
}

Describe 'Invoke-BackpropStep on a batch' {
    BeforeAll {
        $script:batch = $net | Invoke-BackpropStep -Input @(0.05, 0.10), @(0.5, 0.2) -Target @(0.01, 0.99), @(0.3, 0.6) -LearningRate 0.5
        $script:batchRows = @($batch | Get-BackpropParameter)
    }

    It 'takes the mean gradient and leaves the per-sample factors empty' {
        $one = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5 | Get-BackpropParameter
        $two = $net | Invoke-BackpropStep -Input 0.5, 0.2 -Target 0.3, 0.6 -LearningRate 0.5 | Get-BackpropParameter
        for ($i = 0; $i -lt $batchRows.Count; $i++) {
            Assert-Close $batchRows[$i].Gradient (($one[$i].Gradient + $two[$i].Gradient) / 2) 1e-15 -Because $batchRows[$i].Name
            $batchRows[$i].SampleCount | Should -Be 2
            $batchRows[$i].ActivationDerivative | Should -BeNullOrEmpty
            $batchRows[$i].Input | Should -BeNullOrEmpty
            $batchRows[$i].DeltaSum | Should -BeNullOrEmpty
        }
    }

    It 'prints one line per sample and the mean loss' {
        $text = $batch | Out-String -Width 200
        $text | Should -Match 'sample 2: yhat1=0\.755741388853'
        $text | Should -Match 'Total loss E=0\.209030183875 \(mean over 2 samples\)'
        ($batch | Get-BackpropParameter | Out-String) | Should -Match 'mean over 2 samples'
    }
}

Describe 'Errors from Invoke-BackpropStep' {
    It 'rejects the learning rate <Rate>' -TestCases @(@{ Rate = 0 }, @{ Rate = -1 }, @{ Rate = [double]::NaN }) {
        param($Rate)
        Get-ErrorRecord { $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate $Rate } 'InvalidLearningRate' 'InvalidArgument'
    }

    It 'rejects an input of the wrong length' {
        $e = Get-ErrorRecord { $net | Invoke-BackpropStep -Input 1, 2, 3 -Target 0, 1 -LearningRate 0.5 } 'InputSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*Expected 2 input values*got 3*'
    }

    It 'rejects a target that is not a number' {
        Get-ErrorRecord { $net | Invoke-BackpropStep -Input 1, 2 -Target 0, 'x' -LearningRate 0.5 } 'NonNumericArgument' 'InvalidArgument'
    }

    It 'rejects cross-entropy on a sigmoid output' {
        Get-ErrorRecord { $net | Invoke-BackpropStep -Input 1, 2 -Target 0, 1 -LearningRate 0.5 -Loss CrossEntropy } 'LossActivationMismatch' 'InvalidOperation'
    }
}

Describe 'One default loss' {
    It 'uses the loss of Invoke-BackpropTraining for Invoke-BackpropStep on the same Softmax network' {
        $net = New-BackpropNetwork 2, 3 -Activation Softmax -Seed 1
        $step = $net | Invoke-BackpropStep -Input 0.5, -0.5 -Target 0, 1, 0 -LearningRate 0.1
        $step.LossFunction | Should -Be 'CrossEntropy'
        $epoch = Invoke-BackpropTraining -Network $net -Input @(, @(0.5, -0.5)) -Target @(, @(0, 1, 0)) -LearningRate 0.1 -Epochs 1 -BatchSize 0
        Assert-Close $step.Loss $epoch.Loss 1e-15
        ConvertTo-BitPattern ($step.After | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($epoch.Network | Get-BackpropParameter).Value)
    }

    It 'keeps the seed step''s HalfSquaredError on the sigmoid example' {
        $step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        $step.LossFunction | Should -Be 'HalfSquaredError'
        Assert-Close $step.Loss 0.298371108760003 1e-12
    }
}
