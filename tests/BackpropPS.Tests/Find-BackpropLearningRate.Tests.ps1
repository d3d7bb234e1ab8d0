# Find-BackpropLearningRate: the range test on Iris and on the seed network, its rows through real CSV files, the suggestion checked by training with it, every optimizer, the network left as it was, the blow-up stop and bad ranges.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisCsv = Join-Path $TestDrive 'iris.csv'
    Get-BackpropDataset Iris | Export-Csv $irisCsv -NoTypeInformation
    $script:iris = Import-Csv $irisCsv
    $script:irisNet = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 7
    $script:irisArgs = @{ TargetColumn = 'species'; Standardize = $true; Shuffle = $true; Seed = 7; BatchSize = 16 }
    $script:seedNet = New-BackpropNetwork -Example StepByStep
    $script:invariant = [cultureinfo]::InvariantCulture
    # Every weight and bias of a network as bits, layer by layer.
    function script:Get-Bits($Network) { foreach ($layer in $Network.Layers) { ConvertTo-BitPattern $layer.Weights; ConvertTo-BitPattern $layer.Biases } }
    $script:irisBits = Get-Bits $irisNet
    $script:irisJson = [BackpropPS.Core.NetworkJson]::Serialize($irisNet)
}

Describe 'Find-BackpropLearningRate on Iris' {
    BeforeAll {
        $script:result = $iris | Find-BackpropLearningRate -Network $irisNet @irisArgs -Steps 300 -MinLearningRate 1e-6 -MaxLearningRate 10
    }

    It 'returns one result with a row per step, the rate growing geometrically from the minimum to the maximum' {
        $result | Should -BeOfType BackpropPS.Core.Training.LearningRateRangeResult
        $result.Steps | Should -Be 300
        $result.Rows.Step | Should -Be (1..$result.StepsTaken)
        $result.Rows[0].LearningRate | Should -Be 1e-6
        if (-not $result.Diverged) { $result.Rows[-1].LearningRate | Should -Be 10 }
        # Each rate is the one before times (max / min)^(1 / 299).
        $ratio = [math]::Pow(1e7, 1 / 299)
        for ($k = 1; $k -lt $result.Rows.Count; $k++) { Assert-Close ($result.Rows[$k].LearningRate / $result.Rows[$k - 1].LearningRate) $ratio 1e-12 }
    }

    It 'smooths the loss as fastai does: the bias-corrected exponentially weighted mean, beta 0.98' {
        $mean = 0.0
        for ($k = 0; $k -lt $result.Rows.Count; $k++) {
            $mean = 0.98 * $mean + 0.02 * $result.Rows[$k].Loss
            Assert-Close $result.Rows[$k].SmoothedLoss ($mean / (1 - [math]::Pow(0.98, $k + 1))) 1e-12 -Because "step $($k + 1)"
        }
    }

    It 'suggests the rate where the smoothed loss falls fastest against log(rate), before its lowest point' {
        $result.SuggestedLearningRate | Should -BeGreaterThan 1e-6
        $result.SuggestedLearningRate | Should -BeLessThan 10
        $result.SuggestedLearningRate | Should -BeLessOrEqual $result.MinimumLossLearningRate
        $rows = $result.Rows
        $rows[$result.SuggestedStep - 1].Suggested | Should -BeTrue
        @($rows | Where-Object Suggested).Count | Should -Be 1
        # Recomputed here: central differences of the smoothed loss over ln(rate), from step 31 to the lowest loss.
        $lowest = ($rows | Where-Object { -not $_.Diverged } | Sort-Object SmoothedLoss | Select-Object -First 1).Step
        $steepest = 31..$lowest | Sort-Object {
            $a = $rows[$_ - 2]; $b = $rows[[math]::Min($_, $rows.Count - 1)]
            ($b.SmoothedLoss - $a.SmoothedLoss) / ([math]::Log($b.LearningRate) - [math]::Log($a.LearningRate))
        } | Select-Object -First 1
        $result.SuggestedStep | Should -Be $steepest
    }

    It 'gives a rate that lowers the loss when the network trains with it for a few epochs' {
        $run = $iris | Invoke-BackpropTraining -Network $irisNet @irisArgs -LearningRate $result.SuggestedLearningRate -Epochs 5
        $run[-1].Loss | Should -BeLessThan ($run[0].Loss * 0.8)
        # ...and far more than the smallest rate of the range does in the same epochs.
        $slow = $iris | Invoke-BackpropTraining -Network $irisNet @irisArgs -LearningRate 1e-6 -Epochs 5
        $run[-1].Loss | Should -BeLessThan ($slow[-1].Loss * 0.8)
    }

    It 'writes rows that survive Export-Csv and Import-Csv with every digit, the suggestion marked' {
        $path = Join-Path $TestDrive 'lr.csv'
        $result.Rows | Export-Csv $path -NoTypeInformation
        $back = Import-Csv $path
        $back.Count | Should -Be $result.StepsTaken
        $back[0].PSObject.Properties.Name | Should -Be 'Step', 'LearningRate', 'Loss', 'SmoothedLoss', 'Diverged', 'Suggested'
        for ($k = 0; $k -lt $back.Count; $k += 37) {
            [double]::Parse($back[$k].LearningRate, $invariant) | Should -Be $result.Rows[$k].LearningRate
            [double]::Parse($back[$k].SmoothedLoss, $invariant) | Should -Be $result.Rows[$k].SmoothedLoss
        }
        ($back | Where-Object Suggested -eq 'True').Step | Should -Be "$($result.SuggestedStep)"
    }

    It 'leaves the network as it was, bit for bit, schema and all' {
        Get-Bits $irisNet | Should -Be $irisBits
        [BackpropPS.Core.NetworkJson]::Serialize($irisNet) | Should -Be $irisJson
        $irisNet.Schema | Should -BeNullOrEmpty
    }

    It 'gives the same rows from a data set object, piped or given, as from the records, and again with the same seed' {
        $data = Get-BackpropDataset Iris -AsDataset
        $piped = $data | Find-BackpropLearningRate -Network $irisNet -Standardize -Shuffle -Seed 7 -BatchSize 16 -Steps 300 -MinLearningRate 1e-6
        $given = Find-BackpropLearningRate -Network $irisNet -Dataset $data -Standardize -Shuffle -Seed 7 -BatchSize 16 -Steps 300 -MinLearningRate 1e-6
        ConvertTo-BitPattern $piped.Rows.Loss | Should -Be (ConvertTo-BitPattern $result.Rows.Loss)
        ConvertTo-BitPattern $given.Rows.Loss | Should -Be (ConvertTo-BitPattern $result.Rows.Loss)
        $again = $iris | Find-BackpropLearningRate -Network $irisNet @irisArgs -Steps 300
        ConvertTo-BitPattern $again.Rows.SmoothedLoss | Should -Be (ConvertTo-BitPattern $result.Rows.SmoothedLoss)
    }

    It 'works with <Optimizer>, leaving the network unchanged' -TestCases @(
        @{ Optimizer = 'Sgd'; Extra = @{} }
        @{ Optimizer = 'Momentum'; Extra = @{ Momentum = 0.9; Nesterov = $true } }
        @{ Optimizer = 'Adam'; Extra = @{ Beta1 = 0.9 } }
    ) {
        param($Optimizer, $Extra)
        $r = $iris | Find-BackpropLearningRate -Network $irisNet @irisArgs -Steps 150 -Optimizer $Optimizer @Extra
        $r.Optimizer | Should -Be $Optimizer
        $r.SuggestedLearningRate | Should -BeGreaterThan 1e-6
        $r.SuggestedLearningRate | Should -BeLessThan 10
        $r.Rows[$r.SuggestedStep - 1].SmoothedLoss | Should -BeLessThan $r.Rows[0].SmoothedLoss
        Get-Bits $irisNet | Should -Be $irisBits
        $run = $iris | Invoke-BackpropTraining -Network $irisNet @irisArgs -Optimizer $Optimizer @Extra -LearningRate $r.SuggestedLearningRate -Epochs 5
        $run[-1].Loss | Should -BeLessThan $run[0].Loss
    }

    It 'stops at the blow-up, marks that row and says so with -Verbose' {
        $r = $iris | Find-BackpropLearningRate -Network $irisNet @irisArgs -Steps 300 -MaxLearningRate 1e4 -Verbose 4>&1
        $verbose = @($r | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $r = $r | Where-Object { $_ -is [BackpropPS.Core.Training.LearningRateRangeResult] }
        $r.Diverged | Should -BeTrue
        $r.StepsTaken | Should -BeLessThan 300
        $r.DivergedAtStep | Should -Be $r.StepsTaken
        $r.Rows[-1].Diverged | Should -BeTrue
        @($r.Rows | Where-Object Diverged).Count | Should -Be 1
        $last = $r.Rows[-1].SmoothedLoss
        ([double]::IsNaN($last) -or $last -gt 4 * $r.MinimumSmoothedLoss) | Should -BeTrue
        $verbose | Should -Contain ($verbose | Where-Object { $_ -like "Blow-up at step $($r.DivergedAtStep) (learning rate *" })
        $verbose | Where-Object { $_ -like 'Suggested learning rate: *' } | Should -Not -BeNullOrEmpty
        $r.SuggestedStep | Should -BeLessThan $r.DivergedAtStep
    }

    It 'suggests nothing, with a warning, when the loss blows up before the steps the suggestion looks at' {
        $r = Get-BackpropDataset Iris -AsDataset |
            Find-BackpropLearningRate -Network $irisNet -Standardize -Shuffle -Seed 7 -BatchSize 16 -Optimizer Adam -MinLearningRate 100 -MaxLearningRate 1e6 -WarningVariable warned 3>$null
        $r.Diverged | Should -BeTrue
        $r.StepsTaken | Should -BeLessThan 33
        $r.SuggestedLearningRate | Should -BeNullOrEmpty
        $r.SuggestedStep | Should -BeNullOrEmpty
        @($r.Rows | Where-Object Suggested).Count | Should -Be 0
        "$warned" | Should -BeLike '*No learning rate is suggested: the loss blew up too early*-MinLearningRate*'
    }
}

Describe 'Find-BackpropLearningRate on the seed network' {
    BeforeAll {
        $script:seedResult = Find-BackpropLearningRate -Network $seedNet -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) -Steps 300
    }

    It 'starts from the seed loss and takes each step at its own rate, as Update-BackpropNetwork would' {
        Assert-Close $seedResult.Rows[0].Loss 0.298371108760 1e-12
        # Three steps by hand through the cmdlets, each at the rate of its row.
        $net = $seedNet
        for ($k = 0; $k -lt 3; $k++) {
            $gradient = $net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99
            Assert-Close $seedResult.Rows[$k].Loss $gradient.Loss 1e-15
            $net = $gradient | Update-BackpropNetwork -LearningRate $seedResult.Rows[$k].LearningRate
        }
        $seedResult.StepsTaken | Should -Be 300
        $seedResult.Rows[-1].LearningRate | Should -Be 10
    }

    It 'reads the same from one record as from one numeric sample' {
        $record = [pscustomobject]@{ x1 = 0.05; x2 = 0.10; t1 = 0.01; t2 = 0.99 }
        $fromRecord = $record | Find-BackpropLearningRate -Network $seedNet -InputColumn x1, x2 -TargetColumn t1, t2 -Steps 300
        ConvertTo-BitPattern $fromRecord.Rows.Loss | Should -Be (ConvertTo-BitPattern $seedResult.Rows.Loss)
    }

    It 'suggests a rate within the range that lowers the seed loss in a few epochs, and leaves the seed network alone' {
        $seedResult.SuggestedLearningRate | Should -BeGreaterThan 1e-6
        $seedResult.SuggestedLearningRate | Should -BeLessThan 10
        $run = Invoke-BackpropTraining -Network $seedNet -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) -LearningRate $seedResult.SuggestedLearningRate -Epochs 5
        $run[-1].Loss | Should -BeLessThan 0.25
        $params = @($seedNet | Get-BackpropParameter)
        $params.Value | Should -Be 0.15, 0.25, 0.20, 0.30, 0.35, 0.40, 0.50, 0.45, 0.55, 0.60
    }
}

Describe 'Find-BackpropLearningRate refuses bad settings' {
    It 'refuses <Why> with <ErrorId>' -TestCases @(
        @{ Why = 'a minimum equal to the maximum'; Settings = @{ MinLearningRate = 0.1; MaxLearningRate = 0.1 }; ErrorId = 'InvalidLearningRateRange'; Text = '*below the maximum; got 0.1 to 0.1*' }
        @{ Why = 'a minimum above the maximum'; Settings = @{ MinLearningRate = 1; MaxLearningRate = 0.01 }; ErrorId = 'InvalidLearningRateRange'; Text = '*got 1 to 0.01*' }
        @{ Why = 'a zero minimum'; Settings = @{ MinLearningRate = 0 }; ErrorId = 'InvalidLearningRate'; Text = '*minimum learning rate must be a positive finite number; got 0*' }
        @{ Why = 'a negative range'; Settings = @{ MinLearningRate = -1; MaxLearningRate = -0.5 }; ErrorId = 'InvalidLearningRate'; Text = '*minimum learning rate*got -1*' }
        @{ Why = 'one step'; Settings = @{ Steps = 1 }; ErrorId = 'InvalidStepCount'; Text = '*at least 2 steps; got 1*' }
        @{ Why = 'a smoothing of 1'; Settings = @{ Smoothing = 1 }; ErrorId = 'InvalidSmoothing'; Text = '*up to (not including) 1; got 1*' }
        @{ Why = 'a blow-up factor of 1'; Settings = @{ BlowUpFactor = 1 }; ErrorId = 'InvalidBlowUpFactor'; Text = '*blow-up factor must be 0 (off) or a finite number above 1*' }
        @{ Why = 'more steps than a test takes'; Settings = @{ Steps = 2147483647 }; ErrorId = 'TooManySteps'; Text = 'A range test takes at most 100,000 steps; got 2,147,483,647. Give fewer -Steps: a few hundred find the rate.' }
        @{ Why = 'an Adam setting with Sgd'; Settings = @{ Beta2 = 0.9 }; ErrorId = 'OptionNotForOptimizer'; Text = '*-Beta2 belongs to -Optimizer Adam*' }
    ) {
        param($Settings, $ErrorId, $Text)
        $category = if ($ErrorId -eq 'TooManySteps') { 'LimitsExceeded' } else { 'InvalidArgument' }
        $e = Get-ErrorRecord { Find-BackpropLearningRate -Network $seedNet -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) @Settings } $ErrorId $category
        $e.Exception.Message | Should -BeLike $Text
        $e.Exception | Should -BeOfType System.ArgumentException
    }

    It 'names a data mismatch as training does' {
        $e = Get-ErrorRecord { Find-BackpropLearningRate -Network $seedNet -Input @(, @(0.05, 0.10, 0.2)) -Target @(, @(0.01, 0.99)) } 'InputSizeMismatch'
        $e.Exception.Message | Should -Not -BeLike '*System.*'
    }
}
