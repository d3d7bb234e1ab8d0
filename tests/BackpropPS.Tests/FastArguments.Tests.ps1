# -Input and -Target as typed arrays and matrices (read whole, without converting value by value) give
# exactly what the same numbers typed as PowerShell lists give, and fail with the same errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # Six samples of two inputs and two targets, no two values alike, so that a row or a column out of place shows.
    $script:x = @(0.05, 0.10), @(0.5, -0.2), @(1.25, 0.375), @(-0.7, 0.9), @(0.3, 0.6), @(-1.5, -0.25)
    $script:y = @(0.01, 0.99), @(0.99, 0.01), @(0.2, 0.7), @(0.6, 0.4), @(0.9, 0.3), @(0.05, 0.55)
    $script:net = New-BackpropNetwork 2, 3, 2 -Activation Tanh, Sigmoid -Seed 5

    # The same rows as double[][], double[,] and Matrix.
    function script:ConvertTo-Form([object[]] $Rows, [string] $Form) {
        $width = @($Rows[0]).Count
        switch ($Form) {
            'list' { , $Rows }
            'double[][]' { , [double[][]]$Rows }
            'double[,]' {
                $grid = [double[,]]::new($Rows.Count, $width)
                for ($r = 0; $r -lt $Rows.Count; $r++) { for ($c = 0; $c -lt $width; $c++) { $grid[$r, $c] = $Rows[$r][$c] } }
                , $grid
            }
            'Matrix' { , [BackpropPS.Core.Matrix]::new($Rows.Count, $width, [double[]]@($Rows | ForEach-Object { $_ })) }
        }
    }

    # Every number a forward pass, a gradient and the network after a step hold, as bits.
    function script:Get-ForwardBits($Forward) { ConvertTo-BitPattern (@($Forward.Z) + @($Forward.A) | ForEach-Object { $_.ToArray() }) }
    function script:Get-GradientBits($Gradient) {
        ConvertTo-BitPattern (@($Gradient.Loss) + @($Gradient.Delta + $Gradient.WeightGradient + $Gradient.BiasGradient | ForEach-Object { $_ }))
    }
    function script:Get-RunBits($Run) {
        ConvertTo-BitPattern (@($Run | ForEach-Object { $_.Loss; $_.ValidationLoss; $_.GradientNorm }) + ($Run[-1].Network | Get-BackpropParameter).Value)
    }
}

Describe 'The same batch as <Form>' -ForEach @(
    @{ Form = 'double[][]'; Type = 'System.Double[][]' }
    @{ Form = 'double[,]'; Type = 'System.Double[,]' }
    @{ Form = 'Matrix'; Type = 'BackpropPS.Core.Matrix' }
) {
    BeforeAll {
        $script:inputs = ConvertTo-Form $x $Form
        $script:targets = ConvertTo-Form $y $Form
    }

    It 'is the type it says, so that its own path is the one tested' {
        $inputs.GetType().FullName | Should -Be $Type
        $targets.GetType().FullName | Should -Be $Type
    }

    It 'gives Invoke-BackpropForward every z and a of the lists, bit for bit' {
        $fast = $net | Invoke-BackpropForward -Input $inputs
        $fast.SampleCount | Should -Be 6
        Get-ForwardBits $fast | Should -Be (Get-ForwardBits ($net | Invoke-BackpropForward -Input $x))
    }

    It 'gives Get-BackpropGradient the loss, every delta and every gradient of the lists' {
        $fast = $net | Invoke-BackpropForward -Input $inputs | Get-BackpropGradient -Target $targets
        $lists = $net | Invoke-BackpropForward -Input $x | Get-BackpropGradient -Target $y
        Get-GradientBits $fast | Should -Be (Get-GradientBits $lists)
    }

    It 'gives Invoke-BackpropStep the network after the step of the lists' {
        $fast = $net | Invoke-BackpropStep -Input $inputs -Target $targets -LearningRate 0.5
        $lists = $net | Invoke-BackpropStep -Input $x -Target $y -LearningRate 0.5
        ConvertTo-BitPattern ($fast.After | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($lists.After | Get-BackpropParameter).Value)
    }

    It 'gives Test-BackpropGradient the analytic and numeric gradients of the lists' {
        $fast = $net | Test-BackpropGradient -Input $inputs -Target $targets
        $lists = $net | Test-BackpropGradient -Input $x -Target $y
        ConvertTo-BitPattern ($fast | ForEach-Object { $_.Analytic; $_.Numeric }) | Should -Be (ConvertTo-BitPattern ($lists | ForEach-Object { $_.Analytic; $_.Numeric }))
    }

    It 'gives Invoke-BackpropTraining the history and the network of the lists, bit for bit' {
        $settings = @{ Network = $net; Optimizer = 'Adam'; LearningRate = 0.05; Epochs = 6; BatchSize = 2; Shuffle = $true; Seed = 3; ValidationFraction = 0.34; Standardize = $true }
        $fast = Invoke-BackpropTraining @settings -Input $inputs -Target $targets
        $lists = Invoke-BackpropTraining @settings -Input $x -Target $y
        $fast.Count | Should -Be 6
        Get-RunBits $fast | Should -Be (Get-RunBits $lists)
    }
}

Describe 'A double[] is one sample, or one value per sample where a list is' {
    BeforeAll {
        $script:seed = New-BackpropNetwork -Example StepByStep
    }

    It 'gives the seed step from [double[]] input and target' {
        $fast = $seed | Invoke-BackpropForward -Input ([double[]](0.05, 0.10)) | Get-BackpropGradient -Target ([double[]](0.01, 0.99))
        $fast.Forward.SampleCount | Should -Be 1
        Get-GradientBits $fast | Should -Be (Get-GradientBits ($seed | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99))
        Assert-Close $fast.Loss 0.298371108760 1e-12
    }

    It 'is one sample per value for a one-input network' {
        $one = New-BackpropNetwork 1, 3, 1 -Seed 2
        $fast = $one | Invoke-BackpropForward -Input ([double[]](1.5, -2, 3.25))
        $fast.SampleCount | Should -Be 3
        Get-ForwardBits $fast | Should -Be (Get-ForwardBits ($one | Invoke-BackpropForward -Input 1.5, -2, 3.25))
    }

    It 'is one target per sample for a one-output network, in training too' {
        $xor = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 1
        $samples = [double[][]](@(0, 0), @(0, 1), @(1, 0), @(1, 1))
        $fast = Invoke-BackpropTraining -Network $xor -Input $samples -Target ([double[]](0, 1, 1, 0)) -LearningRate 0.5 -Epochs 5 -BatchSize 2
        $lists = Invoke-BackpropTraining -Network $xor -Input @(0, 0), @(0, 1), @(1, 0), @(1, 1) -Target 0, 1, 1, 0 -LearningRate 0.5 -Epochs 5 -BatchSize 2
        Get-RunBits $fast | Should -Be (Get-RunBits $lists)
    }

    It 'counts its values against the samples like a list does' {
        $xor = New-BackpropNetwork 2, 3, 1 -Seed 1
        $e = Get-ErrorRecord { Invoke-BackpropTraining -Network $xor -Input ([double[][]](@(0, 0), @(1, 1))) -Target ([double[]](0, 1, 1)) } 'BatchSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'Expected one target per input sample (2); got a list of 3 values.'
    }
}

Describe 'A double[,] keeps its shape' {
    It 'is one sample per row: a 3 x 2 array is three samples of two values' {
        $grid = [double[,]]::new(3, 2)
        $grid[0, 0] = 1; $grid[0, 1] = 2; $grid[1, 0] = 3; $grid[1, 1] = 4; $grid[2, 0] = 5; $grid[2, 1] = 6
        $fwd = New-BackpropNetwork -Example StepByStep | Invoke-BackpropForward -Input $grid
        $fwd.Input.Rows | Should -Be 3
        $fwd.Input.Columns | Should -Be 2
        $fwd.Input.GetRow(1) | Should -Be 3, 4
        $fwd.Input.ToArray() | Should -Be 1, 2, 3, 4, 5, 6
    }

    It 'is one sample of three values when it is 1 x 3' {
        $grid = [double[,]]::new(1, 3)
        $grid[0, 0] = 0.1; $grid[0, 1] = 0.2; $grid[0, 2] = 0.3
        (New-BackpropNetwork 3, 2 -Seed 1 | Invoke-BackpropForward -Input $grid).SampleCount | Should -Be 1
    }
}

Describe 'A Matrix passes through' {
    It 'is taken with its rows and columns as they are' {
        $m = [BackpropPS.Core.Matrix]::new(2, 2, [double[]](0.05, 0.10, 0.5, -0.2))
        $fwd = New-BackpropNetwork -Example StepByStep | Invoke-BackpropForward -Input $m
        ConvertTo-BitPattern $fwd.Input.ToArray() | Should -Be (ConvertTo-BitPattern $m.ToArray())
        Assert-Close $fwd.Output[0] 0.751365069552 1e-12
    }

    It 'takes the output matrix of one forward pass as the input of the next network' {
        $first = New-BackpropNetwork 2, 3 -Activation Tanh -Seed 1
        $second = New-BackpropNetwork 3, 2 -Seed 2
        $hidden = ($first | Invoke-BackpropForward -Input $x).Output
        $fast = $second | Invoke-BackpropForward -Input $hidden
        $lists = $second | Invoke-BackpropForward -Input @($hidden.ToRows() | ForEach-Object { , [object[]]$_ })
        Get-ForwardBits $fast | Should -Be (Get-ForwardBits $lists)
    }
}

Describe 'Errors are the same whatever the type' {
    BeforeAll {
        $script:seed = New-BackpropNetwork -Example StepByStep
        $script:fwd = $seed | Invoke-BackpropForward -Input @(0.05, 0.10), @(0.5, 0.2)
        function script:Get-Message([scriptblock] $Script, [string] $ErrorId) { (Get-ErrorRecord $Script $ErrorId 'InvalidArgument').Exception.Message }
    }

    It 'reports a double[][] with rows of different lengths as RaggedBatch, like lists' {
        $fast = Get-Message { $seed | Invoke-BackpropForward -Input ([double[][]](@(1, 2), @(3, 4), @(5))) } 'RaggedBatch'
        $fast | Should -Be 'Every sample of -Input must have 2 values like the first; sample 3 has 1.'
        $fast | Should -Be (Get-Message { $seed | Invoke-BackpropForward -Input @(1, 2), @(3, 4), @(5) } 'RaggedBatch')
    }

    It 'reports a ragged double[][] target, and ragged training data' {
        Get-Message { $fwd | Get-BackpropGradient -Target ([double[][]](@(1, 2), @(3))) } 'RaggedBatch' |
            Should -Be 'Every sample of -Target must have 2 values like the first; sample 2 has 1.'
        Get-Message { Invoke-BackpropTraining -Network $seed -Input ([double[][]](@(1, 2), @(3))) -Target @(0, 1), @(1, 0) } 'RaggedBatch' |
            Should -Be 'Every sample of -Input must have 2 values like the first; sample 2 has 1.'
    }

    It 'reports an empty row before a ragged one, like lists' {
        $rows = [double[][]]::new(3)
        $rows[0] = [double[]](1, 2); $rows[1] = [double[]](3); $rows[2] = [double[]]::new(0)
        $fast = Get-Message { $seed | Invoke-BackpropForward -Input $rows } 'EmptyArgument'
        $fast | Should -Be 'Expected at least one number for -Input; sample 3 is empty.'
        $fast | Should -Be (Get-Message { $seed | Invoke-BackpropForward -Input @(1, 2), @(3), @() } 'EmptyArgument')
    }

    It 'reports an empty <Name> as EmptyArgument, like an empty list' -ForEach @(
        @{ Name = 'double[]'; Make = { , [double[]]::new(0) } }
        @{ Name = 'double[][]'; Make = { , [double[][]]::new(0) } }
        @{ Name = 'double[,]'; Make = { , [double[,]]::new(0, 2) } }
    ) {
        $empty = & $Make
        Get-Message { $seed | Invoke-BackpropForward -Input $empty } 'EmptyArgument' | Should -Be 'Expected at least one number for -Input; the sample is empty.'
    }

    It 'reports NaN and infinity in typed input and targets with the errors of lists' {
        $grid = [double[,]]::new(2, 2); $grid[1, 1] = [double]::NaN
        Get-ErrorRecord { $seed | Invoke-BackpropForward -Input ([double[][]](@(1, 2), @([double]::NaN, 1))) } 'NonFiniteInput' 'InvalidArgument'
        Get-ErrorRecord { $seed | Invoke-BackpropForward -Input ([double[]](1, [double]::PositiveInfinity)) } 'NonFiniteInput' 'InvalidArgument'
        Get-ErrorRecord { $fwd | Get-BackpropGradient -Target $grid } 'NonFiniteTarget' 'InvalidArgument'
        Get-ErrorRecord { Invoke-BackpropTraining -Network $seed -Input $grid -Target $grid } 'NonFiniteInput' 'InvalidArgument'
    }

    It 'reports a typed batch of the wrong width as InputSizeMismatch' {
        Get-Message { $seed | Invoke-BackpropForward -Input ([double[][]](@(1, 2, 3), @(4, 5, 6))) } 'InputSizeMismatch' |
            Should -Be "Expected 2 input values per sample (the network's input size); got 3."
    }
}

Describe 'Lists of mixed rows' {
    It 'read double[], int[], object[] and numeric strings in one batch as the numbers they are' {
        $seed = New-BackpropNetwork -Example StepByStep
        $mixed = $seed | Invoke-BackpropForward -Input @([double[]](0.05, 0.1), @('0.5', -0.2), [int[]](1, 0))
        $plain = $seed | Invoke-BackpropForward -Input @(0.05, 0.1), @(0.5, -0.2), @(1, 0)
        Get-ForwardBits $mixed | Should -Be (Get-ForwardBits $plain)
    }

    It 'name the row and the value that is not a number' {
        $seed = New-BackpropNetwork -Example StepByStep
        $e = Get-ErrorRecord { $seed | Invoke-BackpropForward -Input @([double[]](1, 2), @(3, 'x')) } 'NonNumericArgument' 'InvalidArgument'
        $e.Exception.Message | Should -Be "Expected numbers for -Input; value 2 of sample 2 is 'x'."
    }
}
