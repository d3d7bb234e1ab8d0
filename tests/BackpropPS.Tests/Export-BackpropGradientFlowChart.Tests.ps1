# Gradient flow: Invoke-BackpropTraining -GradientFlow rows (through Export-Csv and Import-Csv, checked against
# Get-BackpropGradient, and changing no trained number), Export-BackpropGradientFlowChart's file, the deep-sigmoid
# demonstration, and Get-BackpropGradientFactor on a one-sample step.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:invariant = [cultureinfo]::InvariantCulture
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-SvgText([xml] $Svg) { @($Svg.SelectNodes("//*[local-name()='text']") | ForEach-Object { $_.InnerText }) }
    # The classic demonstration: 2 inputs, 6 hidden layers of 8 with activation $Hidden, one sigmoid output, on Circle.
    function script:Invoke-DeepRun([string] $Hidden, [int] $Epochs = 1) {
        $net = New-BackpropNetwork 2, 8, 8, 8, 8, 8, 8, 1 -Activation (@($Hidden) * 6 + 'Sigmoid') -Seed 1
        $script:circle | Invoke-BackpropTraining -Network $net -Loss BinaryCrossEntropy -LearningRate 0.5 -Epochs $Epochs -BatchSize 20 -GradientFlow
    }
    $script:circle = Get-BackpropDataset Circle -Count 200 -Seed 1 -AsDataset
    $script:moons = Get-BackpropDataset Moons -Count 60 -Seed 2 -AsDataset
    $script:mixed = New-BackpropNetwork 2, 5, 4, 1 -Activation Tanh, ReLU, Sigmoid -Seed 3
}

Describe 'Invoke-BackpropTraining -GradientFlow' {
    It 'gives each epoch one row per layer that survives Export-Csv and Import-Csv exactly' {
        $run = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 4 -BatchSize 16 -LearningRate 0.2 -GradientFlow
        $rows = $run.GradientFlow
        $rows.Count | Should -Be 12
        $rows[0] | Should -BeOfType BackpropPS.Core.Training.GradientFlowRow
        $path = Join-Path $TestDrive 'flow.csv'
        $rows | Export-Csv -LiteralPath $path
        $back = Import-Csv -LiteralPath $path
        $back.Count | Should -Be 12
        $back[0].PSObject.Properties.Name | Should -Be Run, Epoch, Layer, Activation, Neurons, GradientNorm, MeanAbsDelta, SaturatedShare, DeadShare, WeightNorm, UpdateNorm, UpdateRatio
        ($back | ForEach-Object { "$($_.Epoch)/$($_.Layer)" }) -join ' ' | Should -Be '1/1 1/2 1/3 2/1 2/2 2/3 3/1 3/2 3/3 4/1 4/2 4/3'
        $back.Run | Select-Object -Unique | Should -Be '2-5-4-1 Tanh/ReLU/Sigmoid'
        foreach ($k in 0..11) {
            foreach ($name in 'GradientNorm', 'MeanAbsDelta', 'WeightNorm', 'UpdateNorm', 'UpdateRatio') {
                ConvertTo-BitPattern ([double]::Parse($back[$k].$name, $invariant)) | Should -Be (ConvertTo-BitPattern $rows[$k].$name)
            }
        }
        # Shares only where they apply: saturation for Tanh and Sigmoid, dead neurons for ReLU; empty cells otherwise.
        $back[1].SaturatedShare | Should -Be ''
        $back[0].DeadShare | Should -Be ''
        $back[2].DeadShare | Should -Be ''
        [double]::Parse($back[1].DeadShare, $invariant) | Should -BeIn 0, 0.25, 0.5, 0.75, 1
    }

    It 'measures the gradient norm and mean |delta| that Get-BackpropGradient gives on the same batch' {
        $x = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
        $y = 0, 1, 1, 0
        $net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 4
        $run = Invoke-BackpropTraining -Network $net -Input $x -Target $y -Epochs 2 -BatchSize 0 -LearningRate 0.5 -GradientFlow
        $before = $net
        foreach ($epoch in $run) {
            $g = $before | Invoke-BackpropForward -Input $x | Get-BackpropGradient -Target $y
            foreach ($l in 0, 1) {
                $norm = [math]::Sqrt((($g.WeightGradient[$l] | ForEach-Object { $_ * $_ }) | Measure-Object -Sum).Sum)
                Assert-Close $epoch.GradientFlow[$l].GradientNorm $norm 1e-14 "layer $($l + 1) of epoch $($epoch.Epoch)"
                $mean = ($g.Delta[$l] | ForEach-Object { [math]::Abs($_) } | Measure-Object -Average).Average
                Assert-Close $epoch.GradientFlow[$l].MeanAbsDelta $mean 1e-14
            }
            $before = $epoch.Network
        }
    }

    It 'changes no trained number: with and without it the runs are the same bit for bit' {
        $common = @{ Network = $mixed; Dataset = $moons; Epochs = 6; BatchSize = 7; Shuffle = $true; Seed = 5; Optimizer = 'Adam'
            LearningRate = 0.05; ValidationFraction = 0.2 }
        $off = Invoke-BackpropTraining @common
        $on = Invoke-BackpropTraining @common -GradientFlow
        $off.GradientFlow.Count | Should -Be 0
        $on.GradientFlow.Count | Should -Be 18
        ConvertTo-BitPattern $on.Loss | Should -Be (ConvertTo-BitPattern $off.Loss)
        ConvertTo-BitPattern $on.ValidationLoss | Should -Be (ConvertTo-BitPattern $off.ValidationLoss)
        ConvertTo-BitPattern $on.GradientNorm | Should -Be (ConvertTo-BitPattern $off.GradientNorm)
        foreach ($k in 0..5) {
            ConvertTo-BitPattern ($on[$k].Network | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($off[$k].Network | Get-BackpropParameter).Value)
        }
    }

    It 'shows the vanishing gradient: in a deep sigmoid network layer 1 learns thousands of times slower than the last, with Tanh or ReLU not' {
        $ratio = @{}
        foreach ($f in 'Sigmoid', 'Tanh', 'ReLU') {
            $rows = (Invoke-DeepRun $f).GradientFlow
            $ratio[$f] = $rows[-1].GradientNorm / $rows[0].GradientNorm
        }
        $ratio.Sigmoid | Should -BeGreaterThan 1000
        $ratio.Tanh | Should -BeLessThan 10
        $ratio.ReLU | Should -BeLessThan 10
    }

    It 'refuses a saturation threshold outside (0, 1]' {
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -GradientFlow -SaturationThreshold 0 } 'InvalidSaturationThreshold' 'InvalidArgument'
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -GradientFlow -SaturationThreshold 2 } 'InvalidSaturationThreshold' 'InvalidArgument'
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -SaturationThreshold 0.05 } 'OptionNeedsGradientFlow' 'InvalidArgument'
    }

    It 'counts more saturated outputs with a higher threshold' {
        $net = New-BackpropNetwork 2, 6, 1 -Activation Sigmoid -Seed 6
        $low = ($moons | Invoke-BackpropTraining -Network $net -Epochs 1 -GradientFlow -SaturationThreshold 0.01).GradientFlow[0].SaturatedShare
        $high = ($moons | Invoke-BackpropTraining -Network $net -Epochs 1 -GradientFlow -SaturationThreshold 0.249).GradientFlow[0].SaturatedShare
        $high | Should -BeGreaterThan $low
        $high | Should -BeLessOrEqual 1
    }
}

Describe 'Export-BackpropGradientFlowChart' {
    BeforeAll {
        $script:sigmoidRun = Invoke-DeepRun Sigmoid -Epochs 5
        $script:reluRun = Invoke-DeepRun ReLU -Epochs 5
    }

    It 'draws one line per layer on a log scale from the epochs of a run' {
        $path = Join-Path $TestDrive 'flow.svg'
        $file = $sigmoidRun | Export-BackpropGradientFlowChart -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $text = Get-SvgText $svg
        $text | Should -Contain 'Weight gradient norm per layer'
        $text | Should -Contain 'Weight gradient norm (log scale)'
        foreach ($l in 1..7) { $text | Should -Contain "Layer $l" }
        $text | Should -Not -Contain 'Layer 8'
    }

    It 'draws the rows of two runs read back with Import-Csv, one line per run and layer' {
        $csv = Join-Path $TestDrive 'two.csv'
        @($sigmoidRun.GradientFlow) + @($reluRun.GradientFlow) | Where-Object Layer -in 1, 7 | Export-Csv -LiteralPath $csv
        $path = Join-Path $TestDrive 'two.svg'
        Import-Csv -LiteralPath $csv | Export-BackpropGradientFlowChart -LiteralPath $path -Measure UpdateRatio -Title 'Sigmoid against ReLU'
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain 'Sigmoid against ReLU'
        $text | Should -Contain 'Update / weight norm (log scale)'
        # Runs of one shape are named by their activations only.
        $text | Should -Contain 'Sigmoid: layer 1'
        $text | Should -Contain 'ReLU/Sigmoid: layer 7'
        $text | Should -Not -Contain 'ReLU/Sigmoid: layer 4'
        # Runs of different shapes keep the whole run name.
        $small = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 3 -GradientFlow
        $path = Join-Path $TestDrive 'shapes.svg'
        @($small.GradientFlow) + @(Import-Csv -LiteralPath $csv) | Export-BackpropGradientFlowChart -Path $path
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain '2-5-4-1 Tanh/ReLU/Sigmoid: layer 3'
        $text | Should -Contain '2-8-8-8-8-8-8-1 Sigmoid: layer 1'
        $text | Should -Contain '2-8-8-8-8-8-8-1 ReLU/Sigmoid: layer 7'
    }

    It 'draws shares on a linear scale, and says when no row has the measure' {
        $path = Join-Path $TestDrive 'dead.svg'
        $reluRun | Export-BackpropGradientFlowChart -Path $path -Measure DeadShare
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain 'Dead ReLU share'
        $text | Should -Not -Contain 'Layer 7'
        $e = Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'none.svg') -Measure DeadShare } 'NoGradientFlowData' 'InvalidData'
        $e.Exception.Message | Should -BeLike '*ReLU layers only*'
        Test-Path (Join-Path $TestDrive 'none.svg') | Should -BeFalse
    }

    It 'leaves out, with a warning, a value a log scale cannot show' {
        $rows = $sigmoidRun.GradientFlow | Select-Object Run, Epoch, Layer, GradientNorm
        $rows[0].GradientNorm = 0
        $path = Join-Path $TestDrive 'zero.svg'
        $rows | Export-BackpropGradientFlowChart -Path $path -WarningVariable warned 3>$null
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike '1 values of GradientNorm left out*-LinearScale*'
        Test-Path $path | Should -BeTrue
    }

    It 'reports an epoch trained without -GradientFlow and a row without a number, and draws the rest' {
        $plain = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1
        $path = Join-Path $TestDrive 'mixed.svg'
        $bad = [pscustomobject]@{ Epoch = 'x'; Layer = 1; GradientNorm = 1 }
        $errors = @()
        @($plain) + @($sigmoidRun[0]) + @($bad) | Export-BackpropGradientFlowChart -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be 'NoGradientFlow,BackpropPS.Commands.ExportBackpropGradientFlowChartCommand', 'InvalidGradientFlowRecord,BackpropPS.Commands.ExportBackpropGradientFlowChartCommand'
        Test-Path $path | Should -BeTrue
    }

    It 'follows the Export-* file rules: .svg only, -Force to replace, nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'rules.svg'
        Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'flow.png') } 'UnsupportedChartFormat' 'InvalidArgument'
        $sigmoidRun | Export-BackpropGradientFlowChart -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        $sigmoidRun | Export-BackpropGradientFlowChart -Path $path
        Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path $path } 'ChartFileExists' 'ResourceExists'
        $reluRun | Export-BackpropGradientFlowChart -Path $path -Force
        Get-SvgText (Read-Svg $path) | Should -Contain 'Layer 7'
    }
}

Describe 'Get-BackpropGradientFactor' {
    BeforeAll {
        $script:deep = New-BackpropNetwork 2, 8, 8, 8, 8, 8, 8, 1 -Activation Sigmoid -Seed 1
        $script:step = Invoke-BackpropStep -Network $deep -Input 0.3, -0.6 -Target 1 -LearningRate 0.5
    }

    It 'gives every weight, whose factors multiply to the gradient Get-BackpropParameter shows' {
        $rows = $step | Get-BackpropGradientFactor
        $trace = @($step | Get-BackpropParameter | Where-Object Kind -eq Weight)
        $rows.Count | Should -Be $trace.Count
        $rows.Name | Should -Be $trace.Name
        foreach ($k in 0..($rows.Count - 1)) {
            $rows[$k].Gradient | Should -Be $trace[$k].Gradient
            Assert-Close ($rows[$k].Downstream * $rows[$k].ActivationDerivative * $rows[$k].Input) $trace[$k].Gradient (1e-15 * [math]::Abs($trace[$k].Gradient))
        }
    }

    It 'names the downstream sum for the smallest gradients of a deep sigmoid network, smallest first' {
        $smallest = $step | Get-BackpropGradientFactor -Smallest 10
        $smallest.Count | Should -Be 10
        $sizes = $smallest | ForEach-Object { [math]::Abs($_.Gradient) }
        $sizes | Should -Be ($sizes | Sort-Object)
        $all = $step | Get-BackpropGradientFactor | ForEach-Object { [math]::Abs($_.Gradient) } | Sort-Object
        $sizes[-1] | Should -Be $all[9]
        $smallest.Layer | ForEach-Object { $_ | Should -BeLessOrEqual 2 }
        $smallest.SmallestFactor | Select-Object -Unique | Should -Be 'Downstream'
        $smallest[0].Reason | Should -BeLike 'the downstream sum dE/da = *times its typical size*'
        $smallest | ForEach-Object { $_.DownstreamRatio | Should -BeLessThan 0.01 }
    }

    It 'reports a step on a batch, whose gradients are means of products, and goes on with the next step' {
        $batch = Invoke-BackpropStep -Network $deep -Input @(0.3, -0.6), @(0.1, 0.2) -Target 1, 0 -LearningRate 0.5
        $errors = @()
        $rows = $batch, $step | Get-BackpropGradientFactor -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be 'FactorsNeedOneSample,BackpropPS.Commands.GetBackpropGradientFactorCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $rows.Count | Should -Be (2 * 8 + 5 * 8 * 8 + 8)
    }
}
